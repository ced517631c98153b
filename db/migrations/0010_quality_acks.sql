CREATE TABLE `quality_acks` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`code` text NOT NULL,
	`household_id` text NOT NULL,
	`member_id` text,
	`field` text,
	`finding_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`message` text NOT NULL,
	`reason` text NOT NULL,
	`acknowledged_by` text NOT NULL,
	`acknowledged_on` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quality_acks_household_idx` ON `quality_acks` (`household_id`,`finding_key`);