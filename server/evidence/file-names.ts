/**
 * File names from users are only ever shown and put in Content-Disposition; they never become a
 * path. Sanitized here: no directories, no control or reserved characters, the sniffed extension.
 */
export function sanitizeFileName(raw: string, ext: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  name = name.replace(/\.[A-Za-z0-9]{1,8}$/, ""); // the claimed extension: replaced by the sniffed one
  if (!name) name = "证据";
  if (name.length > 80) name = name.slice(0, 80);
  return `${name}.${ext}`;
}

/** `attachment` or `inline` with the name encoded per RFC 6266 / RFC 5987 (ASCII fallback + UTF-8). */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
