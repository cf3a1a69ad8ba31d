export { MediaStore, CLEAN_GRACE_MS, referencedMedia, type AddedPhoto, type AddPhotoResult } from './media-store'
export { checkPhoto, DEFAULT_MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from './photo-check'
export { readPhotoMetadata, type PhotoMetadata } from './photo-metadata'
export { addPhotoBytes, addPhotoFiles } from './add-files'
