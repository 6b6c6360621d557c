/** Photos people upload from their phones (make-up evidence): the kinds the pickers produce, and how many. */
export const UPLOAD_IMAGE_EXTS = ['jpg', 'jpeg', 'png', 'webp', 'heic'] as const
export type UploadImageExt = (typeof UPLOAD_IMAGE_EXTS)[number]

/** Photos one make-up entry may carry. */
export const MAX_EVIDENCE_PHOTOS = 6
