/** One part of a translation file, from vite.config.ts's translationParts plugin. */
declare module 'virtual:translations/*' {
  const texts: Record<string, string>;
  export default texts;
}
