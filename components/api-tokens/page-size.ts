/** API tokens per page of the settings list (the server prefetches the first page with the same input). */
export const TOKEN_PAGE_SIZE = 20;
