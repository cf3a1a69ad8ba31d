/** The newest modification time of the CLI's sources below `root` (tests left out). */
export function newestSource(root: string): number
/** Is the built file there and no older than any source? */
export function builtIsFresh(root: string, built: string): boolean
