/** Notifications a page of the list holds (shared by the page's prefetch and the list). */
export const NOTIFICATION_PAGE_SIZE = 20;
