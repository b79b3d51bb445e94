export { PublicHelp } from './public-help';
export {
  screenMessage,
  screeners,
  screenersWith,
  verdictOf,
  type ScreenVerdict,
} from './screen-message';
export type { ScreenCategory, ScreenFinding, Screener } from './screener';
