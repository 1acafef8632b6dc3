// The current route, kept in step with location.hash.
import { parseRoute, type Route } from '../routes';

export { href, parseRoute, type Route } from '../routes';

class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(to: string, replace = false): void {
    if (replace) location.replace(to);
    else location.hash = to;
  }
}

export const router = new Router();
