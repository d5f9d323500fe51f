/** The one place the upload feature imports the validation core from (lib/ingest, pure). */
export { inspectFile, proposeMapping, validateUpload, problemsToCsv, INPUT_FORMAT } from "@/lib/ingest";
