// moved to platform/records.ts, where every module's deactivations find it
export { activeChange } from '../../platform/records';
