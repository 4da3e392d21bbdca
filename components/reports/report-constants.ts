/** Reports per page of the list. */
export const REPORT_PAGE_SIZE = 8;
