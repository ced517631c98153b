CREATE TABLE `batch_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`batch_id` text NOT NULL,
	`action` text NOT NULL,
	`step_id` text,
	`decision` text NOT NULL,
	`reason` text NOT NULL,
	`decided_on` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `batch_steps`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `batch_decisions_batch_idx` ON `batch_decisions` (`batch_id`);--> statement-breakpoint
CREATE TABLE `batch_villages` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`batch_id` text NOT NULL,
	`village_id` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batch_villages_batch_village_unique` ON `batch_villages` (`batch_id`,`village_id`);--> statement-breakpoint
CREATE INDEX `batch_villages_village_idx` ON `batch_villages` (`village_id`);--> statement-breakpoint
CREATE TABLE `meeting_votes` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`meeting_id` text NOT NULL,
	`batch_household_id` text NOT NULL,
	`votes_for` integer NOT NULL,
	`votes_against` integer DEFAULT 0 NOT NULL,
	`abstentions` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_household_id`) REFERENCES `batch_households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_votes_meeting_household_unique` ON `meeting_votes` (`meeting_id`,`batch_household_id`);--> statement-breakpoint
CREATE TABLE `quotas` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`village_id` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`households` integer NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotas_village_year_kind_unique` ON `quotas` (`village_id`,`year`,`kind`);--> statement-breakpoint
CREATE TABLE `workflow_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`kind` text NOT NULL,
	`publicity_days` integer NOT NULL,
	`require_two_years` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workflow_settings_kind_unique` ON `workflow_settings` (`kind`);--> statement-breakpoint
CREATE TABLE `monitoring_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`household_id` text NOT NULL,
	`checked_on` text NOT NULL,
	`predicted_per_capita_fen` integer,
	`at_risk` text NOT NULL,
	`level` text NOT NULL,
	`findings` text,
	`actions` text,
	`checked_by` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `monitoring_checks_household_idx` ON `monitoring_checks` (`household_id`,`checked_on`);--> statement-breakpoint
CREATE INDEX `monitoring_checks_date_idx` ON `monitoring_checks` (`checked_on`);--> statement-breakpoint
CREATE TABLE `monitoring_remedies` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`household_id` text NOT NULL,
	`check_id` text,
	`shortfall` text NOT NULL,
	`action` text NOT NULL,
	`responsible` text,
	`due_on` text,
	`done_on` text,
	`result` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`check_id`) REFERENCES `monitoring_checks`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `monitoring_remedies_household_idx` ON `monitoring_remedies` (`household_id`);--> statement-breakpoint
ALTER TABLE `batch_households` ADD `risks` text;--> statement-breakpoint
ALTER TABLE `batch_households` ADD `removal_reason` text;--> statement-breakpoint
ALTER TABLE `step_outcomes` ADD `decided_by` text;--> statement-breakpoint
CREATE INDEX `meetings_step_idx` ON `meetings` (`step_id`);