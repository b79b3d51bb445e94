/**
 * Curriculum for live group discussions.
 *
 * One entry per section of the guide in the shared folder
 * (`guide/how-to-build-trust-after-infidelity.txt`): 30 sections in 10 parts,
 * the first three sections forming the introduction (part 1). Titles are the
 * guide's section titles verbatim; summaries and prompts are the project's own
 * words (see docs/DESIGN.md, "Guide topics"). A migration inserts these rows,
 * so treat them as final data: changing a slug breaks references to it.
 *
 * Each group is only betrayed partners or only unfaithful partners, so the
 * prompts of `both` topics are worded to work for either side.
 */

export interface GuideTopicSeed {
  /** Place in the whole guide, 1–30. */
  order: number;
  /** Number of the guide's part, 1–10 (1 is the introduction). */
  part: number;
  partTitle: string;
  /** The guide's section title, exactly as written there. */
  title: string;
  slug: string;
  audience: 'betrayed' | 'unfaithful' | 'both';
  summary: string;
  /** Three to five open discussion questions. */
  prompts: string[];
}

export const GUIDE_TOPICS: readonly GuideTopicSeed[] = [
  // Part 1 — Introduction
  {
    order: 1,
    part: 1,
    partTitle: 'Introduction',
    title: 'Why Infidelity Destroys Trust',
    slug: 'why-infidelity-destroys-trust',
    audience: 'both',
    summary:
      'When an affair comes to light, the ground can seem to vanish and it becomes hard to know what to believe. Whichever side of it you are on, this is a place to name what was lost without being judged.',
    prompts: [
      'When you think about the trust that was broken, what did it used to give you that you miss most?',
      'What has changed in how you see yourself or the relationship since everything came out?',
      'Which of your beliefs about honesty and safety in relationships have been shaken, and which still feel solid?',
      'What would you want someone who has never been through this to understand about losing trust?',
    ],
  },
  {
    order: 2,
    part: 1,
    partTitle: 'Introduction',
    title: 'Emotional and Psychological Effects on Both Partners',
    slug: 'emotional-and-psychological-effects-on-both-partners',
    audience: 'both',
    summary:
      'An affair leaves a heavy mark on everyone it touches, and the feelings that follow can be confusing, contradictory and exhausting. This topic makes room to notice what you are carrying right now, without ranking whose pain counts more.',
    prompts: [
      'Which feelings have surprised you most since this began, and how do they tend to show up in your day?',
      'Are there emotions you find harder to admit to, even to yourself? What makes them hard?',
      'How has all of this affected your sleep, energy or concentration, and what has helped even a little?',
      'What do you wish the people around you understood about what you are going through?',
    ],
  },
  {
    order: 3,
    part: 1,
    partTitle: 'Introduction',
    title: 'Can Trust Be Rebuilt After Betrayal?',
    slug: 'can-trust-be-rebuilt-after-betrayal',
    audience: 'both',
    summary:
      'Many people wonder whether broken trust can ever come back. For some couples it does, slowly and with a lot of honest work, and it is okay not to know yet what the answer will be for you.',
    prompts: [
      'What does trust actually mean to you now: a feeling, a decision, or something else?',
      'What signs, big or small, would tell you that trust is starting to return?',
      'What hopes and what fears come up when you imagine trust being rebuilt?',
      'How do you cope with not knowing yet how this will turn out?',
    ],
  },

  // Part 2 — Deciding Whether to Rebuild or Let Go
  {
    order: 4,
    part: 2,
    partTitle: 'Deciding Whether to Rebuild or Let Go',
    title: 'Key Factors in Regaining Trust After Infidelity',
    slug: 'key-factors-in-regaining-trust-after-infidelity',
    audience: 'both',
    summary:
      'Not every relationship continues after an affair, and staying and leaving can both be healthy choices. This topic looks at what tends to make rebuilding possible, such as willingness on both sides, honest talking and real change.',
    prompts: [
      'What would need to be true, for you, before rebuilding felt like a real possibility?',
      'How do you tell the difference between what you hope will happen and what is actually happening?',
      'What outside pressures, such as money, children, family expectations or faith, are shaping your decision, and how do you weigh them?',
      'What would help you feel at peace with whichever path you take?',
    ],
  },
  {
    order: 5,
    part: 2,
    partTitle: 'Deciding Whether to Rebuild or Let Go',
    title: 'When Rebuilding Trust After Infidelity Is Possible',
    slug: 'when-rebuilding-trust-after-infidelity-is-possible',
    audience: 'both',
    summary:
      'Repair tends to become possible when the person who was unfaithful owns what they did and the person who was hurt feels able to stay open to healing. Here we talk about what that looks like in real life, and about the times when it is not there yet.',
    prompts: [
      'What does taking real responsibility look like to you, as opposed to simply saying sorry?',
      'What does staying open to healing mean on your side of this, and what gets in the way of it on hard days?',
      'Have there been moments when things felt like they were moving forward? What was different about them?',
      'What would tell you that rebuilding is not possible right now, and how would you look after yourself if that were so?',
    ],
  },
  {
    order: 6,
    part: 2,
    partTitle: 'Deciding Whether to Rebuild or Let Go',
    title: 'Setting Boundaries for Healing and Growth',
    slug: 'setting-boundaries-for-healing-and-growth',
    audience: 'both',
    summary:
      'Boundaries that are clear and agreed can help a shaken relationship feel safer while healing happens. This topic explores which limits protect you, how to talk about them, and how to keep them kind rather than punishing.',
    prompts: [
      'What is one boundary that would help you feel safer or steadier right now?',
      'How do you tell the difference between a boundary that protects you and one that tries to control someone else?',
      'What happens inside you when a boundary is tested or crossed, and how would you like to respond?',
      'Which boundaries do you need with people outside the relationship while you heal?',
    ],
  },

  // Part 3 — Steps to Rebuilding Trust After Infidelity
  {
    order: 7,
    part: 3,
    partTitle: 'Steps to Rebuilding Trust After Infidelity',
    title: 'Full Disclosure: The Importance of Honesty',
    slug: 'full-disclosure-the-importance-of-honesty',
    audience: 'both',
    summary:
      'Telling the truth about what happened is often where repair begins, yet disclosure is painful for everyone involved. This topic is about how truth-telling can support healing; there is no need to share the details of the affair here.',
    prompts: [
      'What does full honesty mean to you, and how much do you feel needs to be known or said for you to move forward?',
      'How have you coped when new information came out, and what helped you get through it?',
      'What makes honesty feel frightening right now, and what could make it feel a little safer?',
      'How might a therapist or other support help a disclosure conversation go more gently?',
    ],
  },
  {
    order: 8,
    part: 3,
    partTitle: 'Steps to Rebuilding Trust After Infidelity',
    title: 'Apologies That Matter: Words vs. Actions',
    slug: 'apologies-that-matter-words-vs-actions',
    audience: 'both',
    summary:
      'An apology can open a door, but what someone does afterwards, day after day, is what shows whether anything has changed. Here we talk about what makes an apology feel real and what backs it up.',
    prompts: [
      'Think of an apology, from any part of your life, that truly landed. What made it feel sincere?',
      'Why can words alone feel empty after a betrayal, and which actions carry more weight for you?',
      'What is it like to give or receive an apology when the other person is not ready for it?',
      'How can you tell an apology meant to end a hard conversation from one meant to repair something?',
    ],
  },
  {
    order: 9,
    part: 3,
    partTitle: 'Steps to Rebuilding Trust After Infidelity',
    title: 'Consistency and Patience in Trust Restoration',
    slug: 'consistency-and-patience-in-trust-restoration',
    audience: 'both',
    summary:
      'Trust tends to return slowly, through steady behaviour over a long stretch of time rather than one big gesture. This topic is about the patience that asks of everyone, and about coping on days when progress feels invisible.',
    prompts: [
      'What helps you stay patient when healing is taking longer than you hoped?',
      'What does consistency look like in ordinary, everyday terms for you?',
      'How do you handle a setback after a run of better days?',
      'What timeline, spoken or unspoken, have you been holding yourself or others to, and does it feel realistic?',
    ],
  },

  // Part 4 — Healing for the Betrayed Partner
  {
    order: 10,
    part: 4,
    partTitle: 'Healing for the Betrayed Partner',
    title: 'Processing Pain, Betrayal, and Self-Doubt',
    slug: 'processing-pain-betrayal-and-self-doubt',
    audience: 'betrayed',
    summary:
      'Finding out about a partner’s affair can bring a flood of hurt and leave you questioning your own judgement and worth. This is a space to let those feelings be what they are and to start making sense of them at your own pace.',
    prompts: [
      'Which feelings have been loudest for you this week, and where do you notice them?',
      'In what ways has the betrayal made you doubt yourself, and what would you say to a friend carrying the same doubts?',
      'What losses are you grieving, including ones other people might not see?',
      'What has helped you through the hardest moments, even if only a little?',
    ],
  },
  {
    order: 11,
    part: 4,
    partTitle: 'Healing for the Betrayed Partner',
    title: 'Self-Care and Emotional Resilience',
    slug: 'self-care-and-emotional-resilience',
    audience: 'betrayed',
    summary:
      'Looking after yourself is not selfish when you are hurting; it is part of how strength returns. This topic is about small, realistic ways to care for your body and mind while you recover.',
    prompts: [
      'What is one small thing you did recently that made a hard day a bit easier?',
      'Which parts of your routine have slipped since you found out, and which feel worth gently picking up again?',
      'How kind are you being to yourself right now, and what would being kinder look like?',
      'What gets in the way of taking care of yourself, and how could this group help with that?',
    ],
  },
  {
    order: 12,
    part: 4,
    partTitle: 'Healing for the Betrayed Partner',
    title: 'Seeking Support: Therapy, Friends, and Support Groups',
    slug: 'seeking-support-therapy-friends-and-support-groups',
    audience: 'betrayed',
    summary:
      'You do not have to carry this alone. Here we talk about finding the kinds of support that fit you, from professional help to a trusted friend to groups like this one, and about choosing carefully whom to confide in.',
    prompts: [
      'What kinds of support have helped you most so far, and what has not helped?',
      'How do you decide who in your life is safe to tell, and how much to share with them?',
      'What, if anything, has held you back from reaching out for help?',
      'What do you hope to find in this group, and what might you be able to offer others here?',
    ],
  },

  // Part 5 — Healing for the Unfaithful Partner
  {
    order: 13,
    part: 5,
    partTitle: 'Healing for the Unfaithful Partner',
    title: 'Understanding the Root Causes of Infidelity',
    slug: 'understanding-the-root-causes-of-infidelity',
    audience: 'unfaithful',
    summary:
      'Understanding what led you to be unfaithful is not an excuse; it is part of taking responsibility and making sure it does not happen again. This topic invites honest, compassionate reflection on the needs and patterns underneath.',
    prompts: [
      'Looking back, what was going on inside you in the time before the affair began?',
      'How do you keep exploring your reasons without letting them turn into excuses?',
      'Which unmet needs or old patterns do you recognise in yourself, and where do you think they started?',
      'What could you do differently the next time you notice those needs or feelings building up?',
      'Who or what is helping you understand yourself better?',
    ],
  },
  {
    order: 14,
    part: 5,
    partTitle: 'Healing for the Unfaithful Partner',
    title: 'Demonstrating Genuine Remorse and Change',
    slug: 'demonstrating-genuine-remorse-and-change',
    audience: 'unfaithful',
    summary:
      'Feeling sorry matters, but remorse becomes believable through empathy and through steady changes in how you act. This topic is about showing, not only saying, that you understand the harm and are changing.',
    prompts: [
      'What is the difference, for you, between remorse for the hurt you caused and shame about who you are?',
      'What is one concrete change you have made, and how do you keep it going when no one is watching?',
      'How do you stay present with the pain of the person you hurt without turning the conversation towards your own guilt?',
      'When your efforts go unnoticed or are not yet believed, how do you respond, and how would you like to?',
    ],
  },
  {
    order: 15,
    part: 5,
    partTitle: 'Healing for the Unfaithful Partner',
    title: 'Breaking the Cycle of Secrecy and Dishonesty',
    slug: 'breaking-the-cycle-of-secrecy-and-dishonesty',
    audience: 'unfaithful',
    summary:
      'Secrecy can become a habit that outlasts the affair itself. Here we talk about what it takes to live openly, including the small lies and omissions that are easy to slip back into.',
    prompts: [
      'Where do you notice the pull towards hiding or smoothing things over, even about small things?',
      'What feelings tend to come up just before you are tempted to be less than honest?',
      'What has being more open cost you, and what has it given you?',
      'How could you offer openness freely, rather than only when you are asked?',
    ],
  },

  // Part 6 — Effective Communication for Trust Repair
  {
    order: 16,
    part: 6,
    partTitle: 'Effective Communication for Trust Repair',
    title: 'How to Rebuild Trust Through Open Conversations',
    slug: 'how-to-rebuild-trust-through-open-conversations',
    audience: 'both',
    summary:
      'Talking openly after a betrayal is hard, yet honest conversations in which both people feel heard are a big part of repair. This topic looks at how to make conversations safe enough to be real.',
    prompts: [
      'What helps you feel safe enough to say what you really feel?',
      'When a conversation about what happened begins, what usually goes on for you, and what would you like to be different?',
      'How do you show someone you are listening, even when what they say is hard to hear?',
      'Which subjects feel too difficult to raise at the moment, and what would make them easier?',
    ],
  },
  {
    order: 17,
    part: 6,
    partTitle: 'Effective Communication for Trust Repair',
    title: 'Addressing Triggers Without Blame or Defensiveness',
    slug: 'addressing-triggers-without-blame-or-defensiveness',
    audience: 'both',
    summary:
      'Reminders of the affair can set off strong reactions long after the discovery, and talking about them can quickly slide into blame or self-protection. This topic is about noticing those moments and meeting them with more understanding.',
    prompts: [
      'What tends to happen in you when a painful reminder comes up, and how do you usually react?',
      'When you feel yourself becoming defensive or blaming, what are you trying to protect?',
      'What would a calmer way of handling a triggering moment look like for you?',
      'How can you ask for what you need in those moments without attacking or shutting down?',
    ],
  },
  {
    order: 18,
    part: 6,
    partTitle: 'Effective Communication for Trust Repair',
    title: 'Conflict Resolution Strategies for Lasting Change',
    slug: 'conflict-resolution-strategies-for-lasting-change',
    audience: 'both',
    summary:
      'Disagreements still happen while you rebuild, and how they are handled matters. Here we share practical ways to argue more fairly, listen better and stay focused on what can be done next.',
    prompts: [
      'What does a fair disagreement look like to you?',
      'What helps you calm down when a discussion starts to escalate?',
      'How do you stop old hurts from taking over every new disagreement, while still respecting that they matter?',
      'What is one listening skill you would like to practise this week?',
    ],
  },

  // Part 7 — Transparency and Accountability in Daily Life
  {
    order: 19,
    part: 7,
    partTitle: 'Transparency and Accountability in Daily Life',
    title: 'Digital Trust: Phones, Social Media, and Email Access',
    slug: 'digital-trust-phones-social-media-and-email-access',
    audience: 'both',
    summary:
      'Phones, messages and online accounts are often where secrets were kept, so openness around them can matter a great deal. This topic explores digital agreements that feel reassuring without turning into constant checking.',
    prompts: [
      'What kind of openness about phones and online life feels fair and helpful from where you stand?',
      'How do you find a balance between transparency and a reasonable sense of privacy?',
      'What is checking, or being checked, like for you, and how does it affect your peace of mind?',
      'How might digital agreements change over time as trust grows?',
    ],
  },
  {
    order: 20,
    part: 7,
    partTitle: 'Transparency and Accountability in Daily Life',
    title: 'Setting Relationship Agreements and Boundaries',
    slug: 'setting-relationship-agreements-and-boundaries',
    audience: 'both',
    summary:
      'Putting shared expectations into words, like faithfulness and openness, can help both people feel secure. This topic is about making agreements together that are clear, fair and open to review.',
    prompts: [
      'Which expectations in your relationship were never actually said out loud before?',
      'What agreement would make the biggest difference to your sense of security right now?',
      'How can agreements be reached together, rather than imposed by one person?',
      'What would you want to happen if an agreement is broken or no longer fits?',
    ],
  },
  {
    order: 21,
    part: 7,
    partTitle: 'Transparency and Accountability in Daily Life',
    title: 'Actions That Reassure and Rebuild Confidence',
    slug: 'actions-that-reassure-and-rebuild-confidence',
    audience: 'both',
    summary:
      'Trust is often rebuilt in small moments: keeping your word, turning up on time, saying thank you. This topic looks at the everyday actions that quietly make a difference.',
    prompts: [
      'What small action, from anyone, has reassured you recently?',
      'Which everyday habits do you think build trust more than grand gestures do?',
      'What is it like when reassurance is given but does not seem to land?',
      'What is one thing you could do this week that would help you feel steadier in yourself?',
    ],
  },

  // Part 8 — Rebuilding Emotional and Physical Intimacy
  {
    order: 22,
    part: 8,
    partTitle: 'Rebuilding Emotional and Physical Intimacy',
    title: 'Restoring Emotional Connection Before Physical Reconciliation',
    slug: 'restoring-emotional-connection-before-physical-reconciliation',
    audience: 'both',
    summary:
      'After a betrayal, closeness often has to be rebuilt emotionally before physical intimacy feels possible or safe. This topic is about reconnecting at a pace that respects where each person is.',
    prompts: [
      'What helps you feel emotionally close to someone, and has that changed since the affair came to light?',
      'How can pace and readiness be talked about without pressure on either side?',
      'What are some low-pressure ways of spending time together that feel good right now?',
      'How do you honour your own feelings when you are not ready for closeness, or when someone else is not?',
    ],
  },
  {
    order: 23,
    part: 8,
    partTitle: 'Rebuilding Emotional and Physical Intimacy',
    title: 'The Role of Vulnerability and Trust Exercises',
    slug: 'the-role-of-vulnerability-and-trust-exercises',
    audience: 'both',
    summary:
      'Letting yourself be seen again after trust has been broken takes courage. This topic looks at gentle ways to practise openness and at what makes vulnerability feel safer.',
    prompts: [
      'What does being vulnerable feel like for you right now: risky, relieving, or something else?',
      'What makes it easier for you to open up to someone, and what makes you close off?',
      'Have you tried any exercises or small rituals for rebuilding closeness? What helped and what did not?',
      'How can you take small risks with openness while still protecting yourself?',
    ],
  },
  {
    order: 24,
    part: 8,
    partTitle: 'Rebuilding Emotional and Physical Intimacy',
    title: 'Creating New, Healthy Relationship Patterns',
    slug: 'creating-new-healthy-relationship-patterns',
    audience: 'both',
    summary:
      'Moving on often means building new habits rather than going back to how things were. Here we talk about which old patterns to leave behind and what healthier ones might take their place.',
    prompts: [
      'Which pattern from before the affair do you least want to go back to?',
      'What new habit or ritual would you like to build into your relationship or your life?',
      'How do you notice when you are slipping back into an old way of relating?',
      'What does a relationship that feels safe and respectful look like to you now?',
    ],
  },

  // Part 9 — Seeking Professional Help for Lasting Healing
  {
    order: 25,
    part: 9,
    partTitle: 'Seeking Professional Help for Lasting Healing',
    title: 'How Couples Therapy Can Support Trust Recovery',
    slug: 'how-couples-therapy-can-support-trust-recovery',
    audience: 'both',
    summary:
      'A skilled couples therapist can offer a neutral place to work through what happened and what comes next. This topic explores what couples therapy can and cannot do, and how to get the most out of it.',
    prompts: [
      'What hopes or worries do you have about couples therapy?',
      'What would you look for in a therapist to feel that both people are treated fairly?',
      'If you have tried couples therapy, what has helped and what has been hard?',
      'How do you keep the work going between sessions?',
    ],
  },
  {
    order: 26,
    part: 9,
    partTitle: 'Seeking Professional Help for Lasting Healing',
    title: 'Individual Therapy for Both Partners’ Healing',
    slug: 'individual-therapy-for-both-partners-healing',
    audience: 'both',
    summary:
      'Alongside any work as a couple, each person usually has their own hurt and history to look at. This topic is about the value of having a space that is just for you.',
    prompts: [
      'What would you want to work on in a space that is only about you?',
      'What has stopped you from seeking support of your own, or what helped you decide to start?',
      'How is your own healing connected to the healing of the relationship, and where are they separate?',
      'Without going into specifics, do you sense that older experiences are shaping how you react now?',
    ],
  },
  {
    order: 27,
    part: 9,
    partTitle: 'Seeking Professional Help for Lasting Healing',
    title: 'Long-Term Strategies for Preventing Future Betrayal',
    slug: 'long-term-strategies-for-preventing-future-betrayal',
    audience: 'both',
    summary:
      'Lasting change comes from understanding what lies beneath the surface and building the skills to handle it over time. This topic looks at what you can put in place now to protect the years ahead, whatever they hold.',
    prompts: [
      'What would you want to be able to notice and talk about early, before it grows into something bigger?',
      'Which tools or habits from this process do you most want to keep using in the long run?',
      'How would you like difficult feelings or unmet needs to be handled in the future?',
      'What support would you want to keep in place even once things feel better?',
    ],
  },

  // Part 10 — Moving Forward: A Stronger, More Trusting Relationship
  {
    order: 28,
    part: 10,
    partTitle: 'Moving Forward: A Stronger, More Trusting Relationship',
    title: 'Measuring Progress in Rebuilding Trust After Infidelity',
    slug: 'measuring-progress-in-rebuilding-trust-after-infidelity',
    audience: 'both',
    summary:
      'Healing rarely moves in a straight line, so it helps to pause now and then and notice how far you have come. This topic is about recognising progress and marking it, however small.',
    prompts: [
      'Looking back over recent months, what has changed for you, even slightly?',
      'How do you recognise progress on days when it feels as if there is none?',
      'What small win would you like to share with the group today?',
      'What would you like to be able to say about your healing six months from now?',
    ],
  },
  {
    order: 29,
    part: 10,
    partTitle: 'Moving Forward: A Stronger, More Trusting Relationship',
    title: 'Turning Pain into Growth and Connection',
    slug: 'turning-pain-into-growth-and-connection',
    audience: 'both',
    summary:
      'No one would choose this pain, yet some people find that working through it brings new understanding of themselves and others. This topic makes space for that possibility without rushing anyone towards it.',
    prompts: [
      'Is there anything you have learned about yourself through this that you want to hold on to?',
      'How do you make room for growth while still honouring how much this has hurt?',
      'Has going through this changed how you relate to other people, including people in this group?',
      'What would growth look like for you, in your own terms?',
    ],
  },
  {
    order: 30,
    part: 10,
    partTitle: 'Moving Forward: A Stronger, More Trusting Relationship',
    title: 'Commitment to a Healthier Future Together',
    slug: 'commitment-to-a-healthier-future-together',
    audience: 'both',
    summary:
      'A healthier future is built through ongoing care, honesty and respect, long after the crisis has passed. This final topic looks ahead to what you want to keep committing to, whether that future is shared or your own.',
    prompts: [
      'Which commitments do you want to carry forward from here?',
      'What does a healthier future look like for you, whether together or apart?',
      'How will you keep honesty and care alive when life gets busy again?',
      'What would you like to say to someone who is just starting out on this path?',
    ],
  },
];
