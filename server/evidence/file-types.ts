/**
 * What evidence may be: decided from the file's first bytes (magic numbers, via file-type), never
 * from its name or the browser's claim. Originals are kept as they are; nothing is re-encoded.
 */
export interface AllowedType {
  /** The extension file-type reports. */
  ext: string;
  /** The type we serve it with. */
  mime: string;
  label: string;
  /** Shown in the browser (images, audio) rather than downloaded. */
  inline: boolean;
}

const TYPES: AllowedType[] = [
  { ext: "jpg", mime: "image/jpeg", label: "JPEG 图片", inline: true },
  { ext: "png", mime: "image/png", label: "PNG 图片", inline: true },
  { ext: "webp", mime: "image/webp", label: "WebP 图片", inline: true },
  { ext: "heic", mime: "image/heic", label: "HEIC 照片", inline: false },
  { ext: "mp3", mime: "audio/mpeg", label: "MP3 录音", inline: true },
  { ext: "m4a", mime: "audio/mp4", label: "M4A 录音", inline: true },
  { ext: "mp4", mime: "video/mp4", label: "MP4 录音或录像", inline: false },
  { ext: "amr", mime: "audio/amr", label: "AMR 录音", inline: false },
  { ext: "wav", mime: "audio/wav", label: "WAV 录音", inline: true },
  { ext: "ogg", mime: "audio/ogg", label: "OGG 录音", inline: true },
  { ext: "opus", mime: "audio/ogg", label: "Opus 录音", inline: true },
  { ext: "pdf", mime: "application/pdf", label: "PDF 文件", inline: false },
];

const BY_EXT = new Map(TYPES.map((t) => [t.ext, t]));

export function allowedType(ext: string | undefined): AllowedType | undefined {
  return ext ? BY_EXT.get(ext) : undefined;
}

export function typeOfMime(mime: string): AllowedType | undefined {
  return TYPES.find((t) => t.mime === mime);
}

/** For the form: what is accepted, in words. */
export const ALLOWED_TYPES_TEXT = "截图和照片（JPG、PNG、WebP、HEIC）、录音（MP3、M4A、AMR、WAV、OGG）和 PDF";

/** For the file picker's `accept` (a hint only; the server decides from the content). */
export const ACCEPT_ATTRIBUTE =
  "image/jpeg,image/png,image/webp,image/heic,.heic,audio/*,.amr,.m4a,video/mp4,application/pdf";

/** Bytes file-type needs to decide. */
export const SNIFF_BYTES = 4100;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(bytes % 1024 ** 3 ? 1 : 0)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} 字节`;
}
