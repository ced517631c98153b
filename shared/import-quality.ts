// The import preview's one line about the data-quality check after the import, the same words
// on the screen (导入花名册 → 预览) and the command line (`import --dry-run`).

/** "导入后数据检查将提示 错误 N 条、疑点 M 条" (or that it will find nothing). */
export function qualityLine(q: { errors: number; warnings: number }): string {
  if (q.errors === 0 && q.warnings === 0) return '导入后数据检查将提示 错误 0 条、疑点 0 条：没有发现问题。';
  return `导入后数据检查将提示 错误 ${q.errors} 条、疑点 ${q.warnings} 条。`;
}
