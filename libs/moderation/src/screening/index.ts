export { screenMessage, screeners, verdictOf, type ScreenVerdict } from './screen-message';
export type { ScreenCategory, ScreenFinding, Screener } from './screener';
