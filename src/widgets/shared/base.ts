/** The site's base path with one trailing slash ("/" here), for links and fetches of our own files. */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
