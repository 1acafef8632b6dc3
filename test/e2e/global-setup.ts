// Runs once before the browser tests: the fake camera's video must exist before Chromium starts.
import { makeFakeCamera } from '../support/fake-camera';

export default async function globalSetup(): Promise<void> {
  await makeFakeCamera();
}
