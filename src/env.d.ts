/// <reference types="svelte" />
/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />

declare const __APP_VERSION__: string;

/** Where the files slide reading needs are served, and their sizes (vite.config.ts). */
declare module 'virtual:read-assets' {
  interface ReadAsset {
    url: string;
    bytes: number;
  }
  const assets: { simd: ReadAsset; noSimd: ReadAsset; en: ReadAsset; fr: ReadAsset };
  export default assets;
}
