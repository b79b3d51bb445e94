import { ScreenFinding, Screener, THREAT_DETAIL } from './screener';
import { type AnalysedText, isNegatedAt } from './text/analyse';
import { allMatches, ownWords } from './text-scan';

const PERSON = String.raw`(?:ap|op|bastard|bitch|whore|slut|cheater|husband|wife|guy|man|woman|girl|boyfriend|girlfriend|homewrecker|prick|asshole|dick|fucker|cunt|twat|creep|pig|other (?:woman|man)|(?:\w+'s )?(?:husband|wife|boyfriend|girlfriend))`;
const TARGET = String.raw`(?:him|her|them|you|u|(?:the|that|this) (?:\w+ ){0,2}${PERSON}|(?:his|her|your|my) (?:husband|wife|ex|partner|spouse|boyfriend|girlfriend|ap|affair partner))\b`;
const HARM = [
  String.raw`(?:kill|murder|stab|shoot|strangle|choke|punch|slap|smack|kick|attack|poison|bash|deck|throttle|drown|maim)(?: the (?:shit|hell|crap|life) out of)? ${TARGET}`,
  // "hit her up", "hit you with the link" and "hurt her feelings" are not violence.
  String.raw`hit ${TARGET}(?! (?:up|with|back)\b)`,
  String.raw`hurt ${TARGET}(?! (?:feelings|emotionally)\b)`,
  String.raw`beat (?:the (?:shit|hell|crap|living daylights) out of |up )?${TARGET}(?! to\b)`,
  String.raw`(?:break|smash|bash|bust|cave|kick|punch) (?:his|her|your|their) (?:face|neck|jaw|nose|legs?|arms?|bones?|skull|kneecaps|head|teeth)`,
  String.raw`knock (?:(?:your|his|her|their) (?:teeth|lights|block|head) (?:out|off|in)|(?:you|him|her|them) out)`,
  String.raw`run (?:him|her|you|them) (?:over|down)`,
  String.raw`(?:slash|let down|puncture) (?:his|her|your|their|the) (?:tyres|tires)`,
  String.raw`(?:burn|torch|smash|key|trash) (?:down )?(?:his|her|your|their|the) (?:car|house|home|place|flat|windows?)`,
  String.raw`put (?:him|her|you|them) in (?:the |a )?(?:hospital|ground|grave|er|morgue|wheelchair)`,
  String.raw`make (?:him|her|you|them) (?:pay|suffer|bleed)`,
  String.raw`come (?:after|for) (?:you|him|her|them)\b`,
  // Members are anonymous to each other: any promise to turn up at someone's door is menace.
  String.raw`(?:come|show up|turn up|go) (?:to|at|round(?: to)?) (?:your|his|her|their) (?:house|home|door|work|workplace|place|school)\b`,
  String.raw`find (?:you|him|her|them)(?=\s*(?:[.!,]|and\b|&|$))`,
].join('|');

// Intent spoken in the first person, with up to eight words between it and the act
// ("I'm going to find the AP's husband and beat..."); a "not" or "never" in between cancels it.
const INTENT = String.raw`\b(?:i(?:'m| am)? (?:going to|gonna|about to|planning to|plan to|want to|wanna)|i'?ll|i will|i shall|gonna)`;
const GAP = String.raw`(?:(?!(?:not|never|no)\b)[\w']+[ ,]+){0,8}?`;
const INTENDED_HARM = new RegExp(String.raw`${INTENT} ${GAP}(?:${HARM})`, 'i');

// Menace that needs no stated act: knowing where someone lives, "what's coming to her".
const VEILED = [
  /\bi know where (?:you|she|he|they) (?:live|lives|work|works|sleeps?)\b/i,
  /\bget(?:s|ting)? what'?s coming to (?:him|her|you|them)\b/i,
  /\bsleep with one eye open\b/i,
  /\b(?:he|she|you|they)(?:'ll| will)? (?:won'?t|never|not) live to\b|\bmake sure (?:he|she|you|they) (?:never|can'?t|won'?t) (?:walks?|wakes?|sees?|breathes?)\b/i,
  /\bbetter (?:hope|pray) (?:we|i) never (?:meet|see|find)\b/i,
  /\b(?:he|she|you|they)(?:'ll| will| is going to| are going to|'s going to|'re going to) pay for (?:this|it|that|what)\b/i,
  /\b(?:put|stick|plunge|sink) (?:a|the|my) (?:knife|blade|bullet) (?:in|into|through) (?:him|her|you|them|his|her|your)\b/i,
  /\b(?:cheaters|you people|you lot|people like (?:you|him|her|them)|they|he|she|you) (?:should|deserve to|need to|ought to) (?:be|get) (?:stoned|shot|killed|hanged|hung|beaten|burned|executed|castrated|lynched)\b/i,
];
const WEAPON_ACQUIRED =
  /\b(?:bought|got|have|grabbed|grabbing|buy|keep|taking|loaded|loading) (?:a |my |the |his |her )?(?:baseball )?(?:bat|gun|knife|crowbar|machete|pistol|shotgun|hammer)\b/i;
const THIRD_PERSON = /\b(?:he|she|him|her|they|them|you)\b/i;
// "It's for me, not him": a weapon meant for oneself is a crisis signal, for the crisis screener.
const FOR_ONESELF = /\bfor (?:me|myself)\b|\bnot (?:for )?(?:him|her|them)\b/i;

/** Threats of violence toward anyone, a partner or affair partner included: always urgent. */
export class ThreatScreener implements Screener {
  readonly name = 'threat-rules';

  screen(input: AnalysedText): ScreenFinding[] {
    // A threat someone else made, quoted ("he said 'I'll break your legs'"), is not the author's.
    const text = ownWords(input.plain);
    const intended = allMatches(text, INTENDED_HARM).some((m) => !isNegatedAt(input, m.index));
    const veiled = VEILED.some((p) => p.test(text));
    const armed = WEAPON_ACQUIRED.test(text) && THIRD_PERSON.test(text) && !FOR_ONESELF.test(text);
    return intended || veiled || armed
      ? [{ category: 'abuse', detail: THREAT_DETAIL, priority: 'urgent' }]
      : [];
  }
}
