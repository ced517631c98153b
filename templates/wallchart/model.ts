// The wall chart's view model: the township's figures exactly as `stats` computes them, plus
// the monitoring objects by risk level.

export interface WallChartVillage {
  code: string;
  name: string;
  /** 贫困村（2019年出列） / 贫困村 / 非贫困村 */
  category: string;
  households: number;
  members: number;
  poorHouseholds: number;
  poorMembers: number;
  exitedHouseholds: number;
  exitedMembers: number;
  monitoredHouseholds: number;
  monitoredMembers: number;
  /** Percent; null for a village without people (no rate of nobody: printed —, not 0.00%). */
  incidence: number | null;
  firstSecretary: string | null;
}

export interface WallChartModel {
  title: string;
  county: string;
  township: string;
  year: number;
  asOf: string;
  keyFigures: { label: string; value: string }[];
  villages: WallChartVillage[];
  /** Registered (建档立卡) households by main cause, by attribute (label → households). */
  byCause: Record<string, number>;
  byAttribute: Record<string, number>;
  exitsByYear: Record<string, number>;
  /** Registered and monitored households by status label. */
  byStatus: Record<string, number>;
  /** Monitoring objects by risk level: 红色 / 黄色 / 绿色 → households. */
  monitoringLevels: Record<string, number>;
  helperCoverage: { households: number; covered: number; helpers: number };
}
