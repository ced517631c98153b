// One chart of the wall chart: ECharts on a div, given the option the archive made for the
// printed chart (adapted for the screen), resized with its box, disposed when it goes.
import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { chartIsEmpty, screenOption } from '../../editor/documents-dashboard.ts';

const load = () => import('./echarts-setup.ts').then((m) => m.echarts);

export default function EChart({ option, height = 320, testId }: { option: Record<string, unknown>; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const empty = chartIsEmpty(option);

  useEffect(() => {
    if (empty) return undefined;
    let live = true;
    let dispose: (() => void) | null = null;
    load().then(
      (echarts) => {
        const el = box.current;
        if (!live || !el) return;
        const chart = echarts.init(el, undefined, { renderer: 'svg', locale: 'ZH' });
        chart.setOption(screenOption(option));
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(el);
        dispose = () => {
          observer.disconnect();
          chart.dispose();
        };
        setState('ready');
      },
      () => {
        if (live) setState('failed');
      },
    );
    return () => {
      live = false;
      dispose?.();
    };
  }, [option, empty]);

  if (empty) {
    const title = (option.title as { text?: string } | undefined)?.text ?? '';
    return (
      <div data-testid={testId} data-empty="true" style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#999' }}>
        {title ? `${title}：暂无数据` : '暂无数据'}
      </div>
    );
  }
  return (
    <div style={{ position: 'relative' }}>
      {state === 'failed' ? <Alert type="error" showIcon title="图表没有显示出来" description="请刷新页面再试。" /> : null}
      {state === 'loading' ? <Spin style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }} /> : null}
      <div ref={box} data-testid={testId} style={{ height, width: '100%' }} />
    </div>
  );
}
