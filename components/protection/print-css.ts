/**
 * On paper (A4): no header or navigation, no forms or buttons; only the document and what is
 * marked to print. Used by the document pages as a <style> element.
 */
export const DOCUMENT_PRINT_CSS = `@page { size: A4; margin: 18mm 16mm; }
@media print {
  header:not(main header), nav[aria-label="主导航"] { display: none !important; }
  body { background: white; }
  main { max-width: none; padding: 0; }
}`;
