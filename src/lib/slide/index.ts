// Finding the slide in a photo and straightening it: pure code over pixel arrays, for the image
// worker (detection and warp) and the corner editor (geometry). Imports nothing else of the app.
export type { Pixels, Point, Quad } from './geometry';
export { isConvex, mapPoint, sides } from './geometry';
export { findSlide } from './find';
export { slideAspect } from './aspect';
export { straightSize, warpQuad } from './warp';
