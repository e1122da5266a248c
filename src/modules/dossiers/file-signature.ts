/** Does an uploaded file's content match its declared type? The platform's one check of the first bytes. */
export { contentMatchesType } from '../../platform/uploads';
