/**
 * opencc-js exposes each dictionary as `opencc-js/dict/<Name>` (its `./*` export) but ships no types for them.
 * Each module's default export is the serialized dictionary: "source replacement|source replacement|…".
 */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
