import type { IUpload } from '@app/contracts';

/** The file route of an upload: `/file-upload/<id>/<encoded name>` (served by every gateway). */
export function uploadPath(id: string, name: string): string {
  return `/file-upload/${id}/${encodeURIComponent(name)}`;
}

/** A media type's first part (`image/png` → `image`), as Rocket.Chat files uploads by it. */
export function typeGroupOf(type: string): string {
  return type.split('/')[0] || 'application';
}

/** The name's extension, lower case (`''` when there is none), as Rocket.Chat stores it on the upload. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Rocket.Chat's getFileExtension: the extension in upper case, or `file`. */
export function formatOf(name: string): string {
  return extensionOf(name).toUpperCase() || 'file';
}

/** What an upload's message carries: `file`, `files[]` and one attachment (Rocket.Chat's sendFileMessage). */
export interface FileMessageParts {
  file: Record<string, unknown>;
  files: Record<string, unknown>[];
  attachments: Record<string, unknown>[];
}

/**
 * The message parts of an upload, shaped as Rocket.Chat shapes them: an image, audio or video attachment names
 * the file's URL, type and size under `image_*`, `audio_*` or `video_*`; any other file gets its `format` (the
 * extension in upper case) and `size`. Every attachment links to the file (`title_link`, downloadable).
 */
export function fileMessageParts(
  upload: Pick<IUpload, '_id' | 'name' | 'type' | 'size' | 'typeGroup' | 'description'>,
): FileMessageParts {
  const url = uploadPath(upload._id, upload.name);
  const file = {
    _id: upload._id,
    name: upload.name,
    type: upload.type,
    size: upload.size,
    format: '',
    typeGroup: upload.typeGroup,
  };
  const common = {
    title: upload.name,
    type: 'file',
    ...(upload.description !== undefined ? { description: upload.description } : {}),
    title_link: url,
    title_link_download: true,
  };
  const media = ['image', 'audio', 'video'].find((group) => upload.type.startsWith(`${group}/`));
  const attachment = media
    ? {
        ...common,
        [`${media}_url`]: url,
        [`${media}_type`]: upload.type,
        [`${media}_size`]: upload.size,
        fileId: upload._id,
      }
    : { ...common, format: formatOf(upload.name), size: upload.size, fileId: upload._id };
  return { file, files: [file], attachments: [attachment] };
}
