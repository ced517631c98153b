// Chinese messages for disk failures (writing and reading): they live in db/files/ beside the
// writer, which db/ uses too; core/ and the shells use them from here.
export * from '../../db/files/disk-errors.ts';
