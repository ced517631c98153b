// The village checklist (贫困村出列 村级清单): the items a village's yearly record ticks, as the
// demo fills them and the village page edits them. A recorded item not in this list is kept.
export const VILLAGE_CHECKLIST = ['主导产业', '集体经济收入', '群众服务中心', '通硬化路', '安全饮水', '农网', '广电宽带', '卫生室'] as const;
