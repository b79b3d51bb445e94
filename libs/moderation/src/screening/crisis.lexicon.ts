import { MEDICATION } from './medications';

export type CrisisKind = 'suicidal wording' | 'self-harm wording';

export interface CrisisCue {
  pattern: RegExp;
  kind: CrisisKind;
  /** Cues that already carry their own negation ("no reason to live") must not be cancelled by it. */
  negatable: boolean;
}

const SELF = String.raw`(?:myself|my ?self)`;
const cue = (
  pattern: RegExp,
  kind: CrisisKind = 'suicidal wording',
  negatable = true,
): CrisisCue => ({
  pattern,
  kind,
  negatable,
});

/** Each of these is a crisis signal on its own, unless denied just before it. */
export const STRONG_CUES: CrisisCue[] = [
  // Talk about suicide as a cause ("suicide prevention week") is not a signal; asking for a hotline is.
  cue(
    /\bsuicid(?:e|al)\b(?! (?:prevention|awareness|rates?|statistics|week|month|walk|charity|training)\b)/i,
  ),
  cue(new RegExp(String.raw`\b(?:kill(?:ing|ed)?|unalive|end(?:ing)?|off(?:ing)?) ${SELF}\b`, 'i')),
  cue(/\b(?:kms|ctb|unalive)\b/i),
  cue(/\bkill (?:him|her|them)self\b|\bkill themselves\b/i),
  // "Taking my life back into my own hands" is the opposite of the signal.
  cue(
    /\b(?:end(?:ing)?|tak(?:e|ing)) (?:my|my own|their own|his own|her own) li(?:fe|ves)\b(?! back\b)/i,
  ),
  cue(/\b(?:end(?:ing)?) it all\b|\bit all to end\b|\beverything to end\b/i),
  cue(
    /\b(?:plan(?:ning)?|going|want|wanna|gonna|ready|decided|thinking (?:about|of)) to end it\b(?! with| between)/i,
  ),
  // "I wanted to die of shame" is hyperbole (LABELS.md); "I want to die of this pain" is not.
  cue(
    /\b(?:want(?:s|ed)? to|wanna|deserve to) die\b(?! of (?:shame|embarrassment|humiliation|mortification|cringe|boredom|laughter|laughing)\b)/i,
  ),
  cue(
    /\b(?:wish|rather|better off) (?:i (?:was|were) |be )?dead\b|\bwish i (?:was|were)n't (?:alive|here|born)\b/i,
  ),
  cue(/\bdon'?t want to (?:be alive|live|exist|wake up)\b/i, 'suicidal wording', false),
  cue(
    /\bdon'?t want to be (?:here|around)(?: any ?more)?\s*(?:[.!]|$)/i,
    'suicidal wording',
    false,
  ),
  cue(
    /\b(?:no|any|what) reasons? (?:left )?to (?:live|go on|keep going|stay alive)\b/i,
    'suicidal wording',
    false,
  ),
  cue(
    /\bpoint (?:of|in) (?:living|going on|being alive|life|being here)\b/i,
    'suicidal wording',
    false,
  ),
  cue(
    /\btired of (?:being alive|life itself|living)\b(?! (?:like|with|in|under|a|this|that|here)\b)/i,
  ),
  cue(/\b(?:never|not) wak(?:e|ing) up\b/i, 'suicidal wording', false),
  cue(
    /\b(?:better|happier|easier) (?:off )?(?:without me|(?:once|when|after|if) i'?m (?:gone|dead|not here))\b/i,
  ),
  cue(/\bif i (?:was|were|am|'m) (?:gone|dead|not here)\b(?! for)/i),
  cue(/\bi'?m (?:a|such a|just a) burden\b|\bburden (?:to|on) (?:everyone|everybody|my family)\b/i),
  cue(
    /\b(?:won'?t|not going to|n't) be (?:\w+ ){0,4}(?:much longer|for (?:much )?long)\b|\b(?:won'?t|not going to|n't) be (?:around|here|alive) any ?more\b/i,
    'suicidal wording',
    false,
  ),
  cue(
    /\b(?:won'?t|no longer) be a (?:problem|burden|bother) (?:for|to) anyone\b/i,
    'suicidal wording',
    false,
  ),
  cue(
    /\b(?:isn'?t|is not|not|no longer|never) worth living\b|\bdon'?t want (?:this|my) life\b|\blife\b[^.!?]{0,30}\bdon'?t want it\b/i,
    'suicidal wording',
    false,
  ),
  cue(/\bengine running\b(?=[^]*\bgarage\b)|\bgarage\b(?=[^]*\bengine running\b)/i),
  cue(
    /\bdisappear (?:forever|for good|permanently)\b|\b(?:stop(?:ped)?|cease) existing\b|\bwish i didn'?t exist\b/i,
  ),
  cue(/\bsleep (?:forever|for good)\b|\bmy (?:own )?funeral\b|\bbleed(?:ing)? out\b/i),
  cue(
    /\b(?:took|swallowed|taken) (?:everything|all)\b[^.!?]{0,30}\b(?:medicine|cabinet|pills|meds|tablets)\b/i,
  ),
  cue(/\b(?:holding|staring at|looking at) (?:the|a|my) (?:razor|blade|rope|noose|gun|pills)\b/i),
  cue(
    /\b(?:looked|looking|stared|staring|stood|standing) (?:at|on|by|near) the (?:train |railway )?(?:tracks|railway line|ledge|platform edge)\b/i,
  ),
  cue(
    /\b(?:can'?t|cannot|won'?t|don'?t think i (?:can|will|'ll)) survive (?:another|this|one more) (?:day|night|week|weekend|month)\b/i,
    'suicidal wording',
    false,
  ),
  cue(/\bwon'?t be (?:here|around|alive) to see\b/i, 'suicidal wording', false),
  cue(
    /\b(?:better|happier) (?:life|lives|off) with (?:a different|another|a new) (?:mum|mom|dad|father|mother|parent)\b/i,
  ),
  cue(/\b(?:pain|hurt|it) to stop (?:permanently|forever|for good)\b/i),
  cue(
    /\bsee (?:a|any) (?:future|way forward|way out) for (?:myself|me)\b/i,
    'suicidal wording',
    false,
  ),
  cue(
    /\b(?:no|only) way out\b[^.!?]{0,30}\b(?:die|dying|death|dead)\b|\bexcept (?:dying|death)\b/i,
    'suicidal wording',
    false,
  ),
  cue(/\b(?:ways?|how) to (?:die|overdose|hang)\b|\bpainless (?:way|death)\b/i),
  cue(
    new RegExp(
      String.raw`\bhow many ${MEDICATION}\b|\b(?:sav|stockpil|hoard|collect)(?:e|ed|ing) (?:up )?(?:my |his |her |the )?${MEDICATION}`,
      'i',
    ),
  ),
  cue(
    new RegExp(
      String.raw`\b(?:took|taken|swallowed) (?:a (?:bunch|handful|lot)|all|the whole (?:bottle|pack)) of (?:my |his |her |the )?(?:\w+ )?${MEDICATION}`,
      'i',
    ),
  ),
  cue(
    /\b(?:thinking (?:about|of)|think about|want to|going to|gonna) jump(?:ing)?\b(?! (?:in|into|back|on|at|ship)\b)/i,
  ),
  cue(/\blook like an accident\b/i, 'suicidal wording', false),
  cue(/\bsuicide (?:note|letter)s?\b/i),
  cue(/\b(?:giv(?:e|ing)) away (?:all )?my (?:things|stuff|belongings|possessions)\b/i),
  cue(
    /\b(?:decided|figured out|worked out|know) (?:how|when) (?:i'?m going to|i'?ll|i will|to) do it\b/i,
  ),
  cue(
    /\bdon'?t think i(?:'ll| will) (?:make it|survive|last|be (?:here|around|alive))\b(?![^.!?]*\b(?:because|since|cause|due to|work|busy)\b)/i,
  ),
  cue(/\b(?:kill|shoot|murder)\b[^.!?]{0,30}\b(?:and|then) (?:kill )?myself\b/i),
  cue(
    new RegExp(
      String.raw`\b(?:cut(?:ting)?|burn(?:ed|t|ing)?|hurt(?:ing)?|harm(?:ed|ing)?|starv(?:e|ed|ing)) ${SELF}\b`,
      'i',
    ),
    'self-harm wording',
  ),
  cue(/\bself[- ]?harm(?:ing|ed)?\b|\bself[- ]?injur(?:y|ing)\b/i, 'self-harm wording'),
  cue(
    /\b(?:cut(?:ting)?|scratch(?:ing)?|burn(?:ing)?) (?:again|deeper|my (?:arms?|wrists?|legs?|thighs?|stomach))\b|\bdeeper this time\b/i,
    'self-harm wording',
  ),
  cue(
    /\buntil (?:it|they|i|my \w+) (?:bleeds?|bled|bleeding|split|broke)\b|\bon purpose\b(?=[^.!?]*\bdeserved?\b)|\b(?:started|start|back to) cutting\b/i,
    'self-harm wording',
  ),
  cue(/\bburn(?:ed|t) my (?:arms?|wrists?|skin|legs?|hands?)\b/i, 'self-harm wording'),
];

/** Each of these is ordinary on its own ("I'm done", "goodbye everyone"); two together read as a farewell. */
export const WEAK_CUES: RegExp[] = [
  /\bcan'?t (?:do this|go on|keep going|take (?:it|this|another day)|carry on)\b/i,
  /\bi'?m done\s*(?:[.!]|$)/i,
  /\b(?:goodbye|bye|farewell) (?:everyone|all|world|guys|everybody)\b/i,
  /\bsorry for everything\b/i,
  /\bi love you all\b/i,
  /\btonight'?s the night\b/i,
  /\bdo something (?:stupid|drastic)\b/i,
  /\bjust in case\b/i,
  /\bletters? (?:to|for) (?:my )?(?:kids|children|family|son|daughter|parents)\b/i,
  /\bwon'?t (?:be )?need(?:ing)? (?:them|it|these|anything)\b/i,
  /\blife insurance\b/i,
  /\b(?:no one|nobody)\b[^.!?]{0,20}\b(?:notice|miss|care)\b/i,
  /\bmade (?:my )?peace\b/i,
  /\bsaid (?:my )?goodbyes?\b/i,
  /\bready to go\b/i,
  /\b(?:wanted|want) to say (?:thank you|thanks|goodbye|sorry)\b/i,
  /\b(?:it'?s )?all i (?:can )?think about\b|\bkeep (?:looking at|staring at|thinking about) (?:it|them)\b/i,
  new RegExp(String.raw`\b(?:bottle|box|packs?|stash|strip) of ${MEDICATION}`, 'i'),
  // Alone, these were wrong about as often as right across train and dev (a rope swing, a goodbye
  // letter to the affair partner, a gun kept for hunting, "overdosed on chocolate"): they named a
  // means or an act, not an intent. They count only beside another cue; the classifier, which
  // weighs the words around them, still reads them alone.
  /\boverdos(?:e|ed|ing)\b(?! on (?!\w* ?(?:pills|tablets|meds)))/i,
  /\b(?:the|a|my) (?:rope|noose)\b(?<!end of (?:my|the) rope)/i,
  /\b(?:bought|buy|got|get|have|keep) (?:a|my|the) (?:gun|pistol|revolver|shotgun)\b/i,
  /\b(?:driv(?:e|ing)|crash(?:ing)?|steer(?:ing)?)\b[^.!?]{0,25}\b(?:into|off) (?:a |the )?(?:\w+ )?(?:bridge|wall|tree|pillar|cliff|truck|lorry|traffic)\b/i,
  // "go jump off a cliff" is said to someone else: the abuse screener's business.
  /(?<!\bgo )\bjump(?:ing)? (?:off|from) (?:a|the|my)\b/i,
  /\b(?:goodbye|farewell) (?:note|letter)s?\b/i,
];
