/**
 * What every member agrees to before joining, unless an admin gives the group
 * its own text. It restates the community's agreements in plain words: what is
 * said here stays here, nobody is identified, nobody is pushed, both sides of
 * a betrayal are in pain, and crisis help is outside the group.
 */
export const DEFAULT_GUIDELINES = `Welcome. This group is a confidential space for people on the same side of the same kind of hurt. By joining, you agree to:

1. Keep it confidential. What members share here stays here. Do not copy, screenshot or retell anyone's story outside the group.
2. Share no identifying details. Do not post names, e-mail addresses, phone numbers, street addresses, workplaces, social-media handles or links — yours, your partner's, an affair partner's or anyone else's. Messages that contain them are hidden until a moderator has looked at them.
3. Speak from your own experience. Offer what helped you, if you wish, but do not tell others what they must do: stay, leave, forgive or confront. Everyone finds their own way, at their own pace.
4. Respect the pain on both sides. Betrayed partners and unfaithful partners meet in separate groups, and both are hurting. No contempt, insults or slurs for members, partners or affair partners, and no threats of any kind.
5. Look after your safety. This group is peer support, not therapy or an emergency service. If you are thinking of harming yourself or someone else, or you are in danger, contact your local emergency number or a crisis line now. Messages that show someone in crisis are seen by a moderator quickly, and you will privately receive crisis resources.
6. Trust the moderators. Moderators are members who look after this space. They may hide or remove messages, pause or remove members who break these agreements, and every action they take is recorded. If something worries you, flag it and they will review it.`;
