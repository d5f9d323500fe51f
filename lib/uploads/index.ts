import "server-only";

/** Server-only domain functions of the upload wizard. Each takes the context from requireCouncil. */
export { startUpload, getUpload, findUploadsInProgress, findDatasets, cancelUpload, type TUploadView } from "./uploads";
export { storeUploadFile, readStagedBytes, sha256Hex, cleanFilename } from "./store-file";
export { saveMapping, validateUploadFile, acknowledgeWarnings } from "./validate";
export { loadUpload } from "./load";
export { purgeExpiredUploads } from "./purge";
export { previewColumns } from "./preview";
export { findCurrentObservations, type TCurrentObservation } from "./current";
export { findFrameworkEditions, getFrameworkEdition, editionIndicators } from "./framework";
export { maxUploadBytes } from "./limits";
export * from "./types";
