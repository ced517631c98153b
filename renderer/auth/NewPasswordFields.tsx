// A new password typed twice, side by side, with the archive's rule shown under them (PASSWORD_HINT).
import { Col, Form, Input, Row, Typography } from 'antd';
import { PASSWORD_HINT } from '../editor/account-forms.ts';

export default function NewPasswordFields(props: { name?: string; name2?: string; label?: string; testId?: string }) {
  const name = props.name ?? 'password';
  const name2 = props.name2 ?? 'password2';
  const label = props.label ?? '密码';
  const testId = props.testId ?? 'new-password';
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={name} label={label} style={{ marginBottom: 4 }}>
            <Input.Password aria-label={label} autoComplete="new-password" maxLength={200} data-testid={testId} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={name2} label={`再次输入${label}`} style={{ marginBottom: 4 }}>
            <Input.Password aria-label={`再次输入${label}`} autoComplete="new-password" maxLength={200} data-testid={`${testId}2`} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 12 }}>
        {PASSWORD_HINT}
      </Typography.Paragraph>
    </>
  );
}
