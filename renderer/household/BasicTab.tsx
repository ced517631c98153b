// 基本情况: where the household is, how it was identified, its causes, living conditions, bank.
import { Input } from 'antd';
import { setText } from '../editor/draft-ops.ts';
import { useStore } from '../store/index.ts';
import { BankAccountField, CodeField, FlagField, GroupField, Labeled, OtherCausesField, TextField, VillageField } from './fields.tsx';

function NotesField() {
  const value = useStore((s) => s.editor.draft?.notes) ?? '';
  const error = useStore((s) => s.editor.fieldErrors.notes);
  const edit = useStore((s) => s.edit);
  return (
    <Labeled label="备注" error={error} wide>
      <Input.TextArea
        aria-label="备注"
        data-field="notes"
        data-testid="field-notes"
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={500}
        value={value}
        onChange={(e) => edit((d) => setText(d, 'notes', e.target.value), 'notes')}
      />
    </Labeled>
  );
}

export default function BasicTab() {
  return (
    <div>
      <div className="section-title">户基本信息</div>
      <div className="basic-grid">
        <VillageField />
        <TextField field="no" label="户编号" maxLength={30} placeholder="数字和字母" />
        <GroupField />
        <TextField field="address" label="住址" maxLength={100} />
        <TextField field="phone" label="联系电话" maxLength={13} placeholder="手机或带区号的座机" />
        <CodeField field="identificationStandard" label="识别标准" category="identificationStandard" />
        <TextField field="identificationYear" label="识别年度" maxLength={4} placeholder="例如 2014" />
        <CodeField field="attribute" label="贫困户属性" category="attribute" />
        <CodeField field="mainCause" label="主要致贫原因" category="cause" />
        <OtherCausesField />
      </div>
      <div className="section-title">生产生活条件</div>
      <div className="basic-grid">
        <CodeField field="housingSafety" label="危房等级" category="housingSafety" />
        <TextField field="housingArea" label="住房面积（平方米）" />
        <FlagField field="drinkingWaterSafe" label="饮水安全" />
        <FlagField field="hasElectricity" label="通生活用电" />
        <CodeField field="roadType" label="入户路类型" category="roadType" />
        <TextField field="distanceToRoadKm" label="与村主干路距离（公里）" />
        <FlagField field="hasSanitaryToilet" label="卫生厕所" />
        <CodeField field="fuelType" label="主要燃料类型" category="fuelType" />
        <TextField field="farmlandMu" label="耕地面积（亩）" />
        <TextField field="forestMu" label="林地面积（亩）" />
      </div>
      <div className="section-title">补贴发放账户</div>
      <div className="basic-grid">
        <TextField field="bankName" label="开户银行" maxLength={40} />
        <BankAccountField />
        <NotesField />
      </div>
    </div>
  );
}
