// The device's conferences as a whole, as Settings changes them: the Xebicon 2019 demo brought
// back after the user deleted it.
import { library } from './repos';

export function restoreDemo(): Promise<void> {
  return library.restoreDemo();
}
