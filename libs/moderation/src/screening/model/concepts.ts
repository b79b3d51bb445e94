import type { AnalysedText } from '../text/analyse';
import { isNegatedAt } from '../text/analyse';
import { MEDICATION } from '../medications';
import { allMatches } from '../text-scan';

/**
 * Ideas the classifier should recognise however they are worded, as clinicians' and crisis
 * lines' screening questions name them (and the LABELS.md categories follow). Each is a family
 * of phrasings, not a sentence: the classifier learns from `train` how much each idea weighs
 * on its own and next to the others, so one kind of wording teaches it about all of them.
 * Matched on the normalized lowercase text; a concept held by a negation ("I'm not a burden")
 * counts as absent.
 */
const ME = String.raw`(?:me|myself|i)`;
const PEOPLE = String.raw`(?:everyone|everybody|they|them|the kids|my kids|my children|my family|my wife|my husband|my partner|he|she|you all|y'?all|the world|people)`;
const WOULD = String.raw`(?:would|will|'d|'ll|wud|wld)?`;

export const CONCEPTS: Record<string, RegExp> = {
  burden: new RegExp(
    String.raw`\b(?:${PEOPLE} ${WOULD} ?(?:all )?(?:be )?(?:better|happier|easier|fine|relieved|free)(?: off)?(?: without| once| when| if) ${ME}|burden|dead weight|weight (?:on|around)|waste of (?:space|oxygen|air)|drag(?:ging)? (?:everyone|them|everybody) down|ruin(?:ing)? (?:everyone|their) li(?:fe|ves)|(?:only|just) (?:bring|cause|make) (?:everyone|them|him|her|people) (?:pain|misery|hurt)|do (?:them|everyone|him|her) a favou?r|worth more (?:dead|gone|to them dead)|(?:life )?insurance (?:money|would|pays?|payout)|holding (?:him|her|them|everyone) back|(?:he|she|they)'?d be free)\b`,
  ),
  finality: new RegExp(
    String.raw`\b(?:last (?:post|message|time (?:you'?ll|i'?ll|i) (?:hear|see|write|post))|this is (?:goodbye|the end|it for me)|(?:say|said|saying) (?:my )?goodbyes?|made (?:my )?peace|(?:thank|thanks) (?:you )?(?:all )?for everything|take care of (?:each other|yourselves|my)|remember me|won'?t (?:see|hear from) (?:you|me)|one last|before i go|when i'?m gone|after i'?m gone|once i'?m gone|(?:letters?|notes?|videos?) (?:to|for) (?:the |my )?(?:kids|children|son|daughter|family|parents|mum|mom)|just in case (?:something|anything) happens|not (?:be )?(?:around|here) (?:much|for) long(?:er)?|my time is up|sign(?:ing)? off (?:for good|for ever|forever|permanently)|log(?:ging)? off for good|(?:won'?t|wouldn'?t|will not|not) be need(?:ing|in) (?:it|them|these|this|anything) (?:again|any ?more)|(?:quiet |final |my )arrangements|see (?:you|me) through to the other side)\b`,
  ),
  affairs_in_order: new RegExp(
    String.raw`\b(?:gav(?:e)?|giv(?:e|ing|en)|hand(?:ed|ing)?) (?:away|out)\b|\b(?:gave|giving|give|given) (?:my|the) (?:\w+ ){0,2}to\b|\b(?:will|testament|passwords?|life insurance|policy|funeral|bank details|instructions)\b|\b(?:who (?:will|'ll|would|can) (?:take|look after|have|feed|walk))\b|\brehom(?:e|ed|ing)\b|\b(?:sort(?:ed|ing)?|put(?:ting)?|get(?:ting)?) (?:my |all my )?(?:affairs|things|stuff|papers) (?:in order|sorted)\b|\b(?:won'?t|will not|don'?t) need (?:it|them|these|this|anything) (?:any ?more|where i'?m going)\b`,
  ),
  hopeless: new RegExp(
    String.raw`\b(?:no|zero|not any|any) (?:future|hope|point|way forward|tomorrow|light)\b|\bhopeless\b|\bnothing (?:will|'?ll|is going to|is ever going to|gonna|ever) (?:ever )?(?:get|be|change|improve|help)\b|\b(?:never|not ever) (?:going to|gonna|will) (?:get|be) (?:better|ok|okay|right|fine)\b|\bcan'?t (?:see|imagine|picture) (?:a |any |the |my |next )?(?:future|next (?:year|month|week|christmas|summer)|myself (?:in|at|next)|way (?:out|through|forward)|point|end to)\b|\bwhat'?s the point\b|\bno reason\b|\bpointless\b|\b(?:give|gave|giving) up on (?:everything|life|myself)\b|\bnothing left\b|\bempty\b`,
  ),
  means: new RegExp(
    String.raw`\b(?:${MEDICATION}|pills?|tablets?|sleeping|overdose|od|rope|noose|belt|gun|pistol|rifle|shotgun|firearm|bullets?|blade|razor|knife|bridge|cliff|ledge|roof|rooftop|tracks|train line|railway|motorway|garage|exhaust|hose|engine running|bath|wrists?|ligature|lethal|cabinet|stash|stockpil\w*|sav(?:ed|ing) (?:up|them)|collect(?:ed|ing)|enough to|edge of the platform|platform edge|(?:the )?(?:rail|railing|edge)|let(?:ting)? (?:the )?trains? (?:go|pass))\b`,
  ),
  method_research: new RegExp(
    String.raw`\b(?:look(?:ed|ing)?|search(?:ed|ing)?|googl(?:e|ed|ing)|read(?:ing)?|research(?:ed|ing)?|find(?:ing)? out|check(?:ed|ing)?|ask(?:ed|ing)?)(?: up| about| into| on)? (?:how (?:many|much|long|high|far|to|it|quick)|what (?:dose|amount|height)|lethal|painless|methods?|ways? to|the quickest|the easiest)\b|\bhow (?:long|many|much) (?:does it|would it|it takes?|until|before|to)\b|\bhow (?:many|much)\b(?: [\w']+){1,6} (?:would|will|does|did|do|should) it take\b|\bhow (?:high|tall) (?:a|the) (?:bridge|building|drop)\b|\b(?:lethal|fatal) (?:dose|amount|height)\b|\bpainless(?:ly)?\b|\bquick(?:est)? way\b`,
  ),
  absence: new RegExp(
    String.raw`\b(?:won'?t|will not|wont|shan'?t|not going to|not gonna|might not|may not|probably won'?t|don'?t think i'?ll|not sure i'?ll) (?:be )?(?:here|there|around|coming|come|make it|join|see you|be back|be at|attend|need)\b|\bdon'?t (?:wait|save (?:a|my) (?:seat|place)|bother waiting|expect me)\b|\b(?:keep|save) my (?:seat|place) for someone\b|\bwithout me (?:next|from now|going forward)\b`,
  ),
  disappear: new RegExp(
    String.raw`\b(?:disappear|vanish|fade away|not exist|stop existing|cease to exist|not be here|not be alive|never (?:be )?born|not wak(?:e|ing) up|never wak(?:e|ing) up|sleep (?:forever|for ever|and never|and not|for good|permanently)|go to sleep and|just (?:stop|end)|make it (?:all )?stop|everything to stop|it to (?:stop|end)|switch (?:it )?off|be gone|be dead|gone for good|rest (?:for good|forever|in peace))\b`,
  ),
  trapped: new RegExp(
    String.raw`\b(?:trapped|no way out|no escape|can'?t escape|only (?:way|exit|option|choice)|one way out|(?:the )?(?:easy|easier) way out|(?:can'?t|cannot|can not) (?:do|take|bear|stand|go on|keep going|carry on|cope|handle|live|survive|face)(?: this| it| another| any| one)?(?: (?:any ?more|much longer|day|night|more))?|(?:at|reached) (?:the end of|my) (?:my )?(?:rope|tether|limit)|(?:nothing|no one|nobody) (?:can|could) (?:help|save|fix)|(?:too|so) tired (?:of|to)|exhausted (?:of|from) (?:living|life|being)|done (?:with (?:it all|everything|life|living|this life)|fighting|trying))\b`,
  ),
  self_harm: new RegExp(
    String.raw`\b(?:cut(?:s|ting)?|slic(?:e|ed|ing)|burn(?:ed|t|ing)?|scratch(?:ed|ing)?|hit(?:ting)?|punch(?:ed|ing)?|starv(?:e|ed|ing)|hurt(?:ing)?|harm(?:ed|ing)?|bang(?:ed|ing)?|scar(?:s|red)?) (?:myself|my (?:self|arms?|wrists?|legs?|thighs?|skin|head|stomach|hands?))\b|\b(?:relaps(?:e|ed|ing)|clean for|urge to|urges)\b|\bself ?harm\w*\b`,
  ),
  death: new RegExp(
    String.raw`\b(?:die|dying|died|dead|death|suicid\w*|kill(?:ing)? (?:myself|me)|end(?:ing)? (?:it|my life|things|everything)|unalive\w*|kms|ctb|sewerslide|take my (?:own )?life|not (?:be )?(?:alive|living)|funeral|grave|heaven|afterlife|join (?:my|him|her) (?:mum|mom|dad|nan|gran))\b`,
  ),
  // Harm to someone else and then to oneself: clinicians ask about both together. An order is
  // named ("him first, then me"): "him and me" alone is how people say "us".
  harm_then_self: new RegExp(
    String.raw`\b(?:(?:him|her|them|that (?:man|woman)|(?:the|that) (?:whole )?(?:family|lot)) (?:out )?(?:first[, ]+(?:and )?(?:then )?|(?:and |, ?)?then |before )(?:me|myself)\b|tak(?:e|ing) (?:him|her|them) (?:down )?with me|(?:drive|driving|drove|crash|crashing|take|taking) (?:us|us both|us all|both of us|all of us|the (?:car|kids))(?: both| all)? (?:in|into|off|over|under|through)|not going alone|(?:finish|end|kill|take out|do) (?:him|her|them)\b[^.!?]{0,50}\b(?:myself|me too|then me)\b)`,
  ),
  // A crisis told as past and over: the classifier weighs it beside the crisis concepts it meets.
  recovered: new RegExp(
    String.raw`\b(?:used to|(?:years?|months|decades?) ago|back (?:then|when|in (?:19|20)\d\d)|when i was (?:\d+|a (?:teen\w*|kid|child|student)|young(?:er)?|at (?:uni|school|college)|in (?:school|college|my (?:teens|twenties)))|in (?:19|20)\d\d|last (?:winter|summer|spring|autumn|fall|year)|(?:got|getting|get|found) (?:real |proper |the )?help|therapy (?:got|helped|saved)|on the other side|(?:years?|months?|days?|weeks?) (?:clean|free|sober)|clean for|free of it|(?:hasn'?t|haven'?t|never) (?:come|came) back|(?:i'?m|i am) (?:ok|okay|fine|safe|better|doing better|in a better place|genuinely ok) now|it gets (?:better|quieter|easier)|(?:doesn'?t|does not) have to be forever)\b`,
  ),
  threat_harm: new RegExp(
    String.raw`\b(?:kill|murder|stab|shoot|strangle|choke|beat|batter|smash|break (?:his|her|their) (?:legs?|neck|face|jaw)|hurt|punch|burn (?:down|their|his|her)|run (?:him|her|them) over|put (?:him|her|them) in (?:the )?(?:hospital|ground|grave)|make (?:him|her|them) (?:pay|suffer|bleed|regret)|end (?:him|her|them)|deal with (?:him|her|them)|get (?:him|her|them)|destroy (?:him|her|them)|acid|petrol|gasoline|ruin (?:his|her|their) (?:face|life|car))\b`,
  ),
  threat_veiled: new RegExp(
    String.raw`\b(?:i know where (?:she|he|they|you) (?:lives?|works?|parks?|sleeps?|goes|drops?|shops?|gym)|(?:she|he|they|you) (?:should|better|had better|'d better|ought to) (?:watch|be careful|look over|sleep with one eye|lock)|watch (?:your|his|her|their) back|look(?:ing)? over (?:your|his|her|their) shoulder|won'?t see (?:it|me) coming|you'?ll (?:regret|be sorry|pay)|(?:he|she|they)'?ll (?:regret|be sorry|pay)|wait and see what happens|accidents happen|something (?:bad |might |could |will )?happen(?:s)? to|(?:he|she|they|you) (?:has|have|'s|'ve) been warned|last warning|i'?ll be waiting|outside (?:his|her|their|your) (?:house|work|door|school)|(?:his|her|their) (?:kids?|children|family|wife|husband|mother|mum|mom) (?:should|will|would|might))\b`,
  ),
  threat_conditional: new RegExp(
    String.raw`\b(?:if|unless|next time|one more|once more|ever again)\b[^.!?]{0,80}\b(?:i'?ll|i will|i'?m going to|i'?m gonna|i swear|i'?d)\b`,
  ),
};

/** The concepts a message holds, as classifier features (`k:burden`). */
export function conceptsOf(text: AnalysedText): string[] {
  return Object.entries(CONCEPTS).flatMap(([name, pattern]) =>
    allMatches(text.plain, pattern).some((m) => !isNegatedAt(text, m.index)) ? [`k:${name}`] : [],
  );
}
