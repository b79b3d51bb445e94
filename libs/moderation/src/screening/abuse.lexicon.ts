/** Identity slurs in the obscenity dataset: abusive whoever they are aimed at. */
export const SLURS = new Set([
  'abeed',
  'abo',
  'africoon',
  'arabush',
  'boonga',
  'chingchong',
  'chink',
  'dyke',
  'fag',
  'kike',
  'negro',
  'nigger',
  'retard',
  'spastic',
  'tranny',
]);

/**
 * Insults in the obscenity dataset. Aimed at a member they are abuse; aimed at an absent partner or
 * affair partner they are the venting this community exists for, and flagging them would bury
 * moderators. Other dataset words (fuck, shit...) are intensifiers and never flag on their own.
 */
export const DATASET_INSULTS = new Set([
  'bitch',
  'cunt',
  'whore',
  'slut',
  'twat',
  'prick',
  'dick',
  'bastard',
  'wank',
  'turd',
  'ass',
  'cock',
  'pussy',
  'hooker',
  'cuck',
]);

const INSULT_NOUN = String.raw`(?:bitch|cunt|whore|slut|twat|prick|dick|bastard|wanker|turd|asshole|ass|cock|pussy|hooker|cuck|retard|idiot|moron|imbecile|loser|cow|pig|joke|freak|clown|parasite|lowlife|scum|trash|garbage|failure|psycho|piece of (?:shit|crap|garbage|trash)|sack of (?:shit|crap)|waste of (?:space|oxygen|skin))s?`;
const INSULT_ADJECTIVE = String.raw`(?:stupid|dumb|pathetic|worthless|disgusting|ugly|vile|repulsive|useless|delusional|whiny|brainless|spineless|brain ?dead|insane|thick)`;
const INSULT = String.raw`(?:${INSULT_NOUN}|${INSULT_ADJECTIVE})\b`;

// Words that turn "you ... trash" into something said about the member, not to them:
// "he treated you like trash", "he made you feel stupid".
const NOT_FILLER = String.raw`(?!(?:feel|felt|like|as|to|into|for|with|about|than|and|but|not|never|no|isn't|aren't|weren't|feel)\b)`;
const FILLER = String.raw`(?:${NOT_FILLER}[\w*@$!']+ ){0,4}`;

/** "you're a ... idiot", "you sound like a psycho", "you dumb bitch", "your posts are stupid". */
export const DIRECTED_INSULT = new RegExp(
  [
    String.raw`\b(?:you(?:'re| are| r|re| were| sound| look| seem| act)(?: like| so| such)?|ur|youre) ${FILLER}${INSULT}`,
    String.raw`\byou (?:${NOT_FILLER}[\w*']+ ){0,2}${INSULT_NOUN}\b`,
    String.raw`\byour (?:posts?|comments?|opinions?|advice|story|whining|writing|messages?)\b[^.!?]{0,20}\b(?:is|are)\s+(?:so |just )?${INSULT}`,
    String.raw`\byour (?:\w+ )?(?:bitch|cunt|whore|slut|twat|hooker)\b`,
    String.raw`\bare (?:you|u) (?:\w+ ){0,2}${INSULT}|\bimagine being (?:this|so) ${INSULT}`,
    // A vocative at the end of a clause: "here we go again, idiot."
    String.raw`,\s*(?:you )?(?!(?:a|an|the|such|his|her|my)\b)(?:\w+ )?${INSULT_NOUN}\s*(?:[.!?]|$)`,
  ].join('|'),
  'i',
);

export const HARASSMENT: RegExp[] = [
  /\b(?:nobody|no one|no-one)\b(?: here| in (?:this|the) group)? (?:wants|likes|cares about|gives a \w+ about|asked(?: for)?|needs) (?:you|your)\b/i,
  // "You deserve it" is mostly kind ("treat yourself, you deserve it"); "you deserved it" rarely is.
  /\b(?:you|u) deserved (?:it|this|that)\b|\b(?:you|u) deserved? (?:every bit|all (?:of )?(?:it|the pain|this)|to (?:be (?:cheated on|alone|miserable|left|hurt)|suffer|lose|rot|die)|what you got|whatever you get)\b/i,
  /\bno wonder\b(?=[^.!?]{0,40}\b(?:you|your)\b)[^.!?]{0,40}\b(?:cheated|left|strayed|went (?:looking|elsewhere)|had an affair)\b/i,
  /\bi hope (?:you|your \w+)\b(?![^.!?]*\b(?:not|never|n't)\b)[^.!?]{0,40}\b(?:die|dies|suffer|rot|burn|leaves? you|lose|miserable|alone)\b/i,
  /\byou (?:people |lot |all )?make me sick\b|\byou brought (?:this|it) on yourself\b/i,
  /\bpeople like (?:you|u)\b[^.!?]{0,30}\b(?:why|problem|reason|disgust\w*|sick|should|ruin\w*)\b/i,
];

/** Orders that are abuse only when they open a clause: "shut up", not "he told me to shut up". */
export const IMPERATIVE_HARASSMENT =
  /\b(?:shut (?:the (?:fuck|hell) )?up|stfu|stop (?:whining|crying|complaining|moaning|playing the victim)|(?:fuck|piss|bugger) off|get lost|go away)\b/gi;

/** Telling someone to harm themselves is as urgent as a threat. */
export const URGING_SELF_HARM =
  /\b(?:kill|hang|off|unalive|drown|hurt) yourself\b|\bkys\b|\bgo (?:and )?(?:die|jump off|jump in|throw yourself)\b|\bdrink bleach\b|\bdo (?:us|everyone|everybody|the world) a favou?r and (?:die|disappear|leave|kill|go|jump)\b/gi;
