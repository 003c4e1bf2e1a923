// d3 and prismjs ship no types here; the host only hands their module objects to plugins, so it
// declares just enough to import them.
declare module 'd3' {
  export const version: string;
}

declare module 'prismjs' {
  const Prism: {
    languages: Record<string, unknown>;
    highlight: (text: string, grammar: unknown, language: string) => string;
  };
  export default Prism;
}
