export { screenMessage, screeners, type ScreenVerdict } from './screen-message';
export type { ScreenCategory, ScreenFinding, Screener } from './screener';
