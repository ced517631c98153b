CREATE TABLE `archive_info` (
	`id` integer PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`township_id` text,
	`name` text NOT NULL,
	`county` text,
	`province` text,
	`created_at` text NOT NULL,
	CONSTRAINT "archive_info_single_row" CHECK("archive_info"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `townships` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`name` text NOT NULL,
	`code` text,
	`county` text,
	`city` text,
	`province` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `townships_code_unique` ON `townships` (`code`);--> statement-breakpoint
CREATE TABLE `village_years` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`village_id` text NOT NULL,
	`year` integer NOT NULL,
	`rural_households` integer,
	`rural_population` integer,
	`per_capita_income_fen` integer,
	`collective_income_fen` integer,
	`checklist` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `village_years_village_year_unique` ON `village_years` (`village_id`,`year`);--> statement-breakpoint
CREATE TABLE `villages` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`township_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`is_poor_village` integer DEFAULT false NOT NULL,
	`exit_year` integer,
	`work_team` text,
	`first_secretary` text,
	`first_secretary_phone` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_code_unique` ON `villages` (`code`);--> statement-breakpoint
CREATE INDEX `villages_township_idx` ON `villages` (`township_id`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`household_id` text NOT NULL,
	`year` integer NOT NULL,
	`food_ok` integer,
	`clothing_ok` integer,
	`education_ok` integer,
	`medical_ok` integer,
	`housing_ok` integer,
	`water_ok` integer,
	`assessed_on` text,
	`assessed_by` text,
	`notes` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_household_year_unique` ON `assessments` (`household_id`,`year`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`village_id` text NOT NULL,
	`no` text NOT NULL,
	`group_name` text,
	`natural_village` text,
	`address` text,
	`phone` text,
	`status` text DEFAULT 'ordinary' NOT NULL,
	`identification_standard` text,
	`identification_year` integer,
	`attribute` text,
	`main_cause` text,
	`other_causes` text,
	`exit_year` integer,
	`household_type` text,
	`monitoring_category` text,
	`risks` text,
	`risk_removed` integer,
	`risk_removal_method` text,
	`monitoring_start` text,
	`monitoring_end` text,
	`housing_safety` text,
	`housing_area` real,
	`housing_structure` text,
	`drinking_water_safe` integer,
	`drinking_water_difficult` integer,
	`has_electricity` integer,
	`road_type` text,
	`distance_to_road_km` real,
	`has_sanitary_toilet` integer,
	`fuel_type` text,
	`farmland_mu` real,
	`irrigated_mu` real,
	`forest_mu` real,
	`returned_farmland_mu` real,
	`orchard_mu` real,
	`grassland_mu` real,
	`water_surface_mu` real,
	`in_cooperative` integer,
	`is_military_family` integer,
	`is_only_child` integer,
	`is_two_daughters` integer,
	`relocation` text,
	`bank_name` text,
	`bank_account` text,
	`notes` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_no_unique` ON `households` (`no`);--> statement-breakpoint
CREATE INDEX `households_village_idx` ON `households` (`village_id`,`group_name`);--> statement-breakpoint
CREATE INDEX `households_status_idx` ON `households` (`status`);--> statement-breakpoint
CREATE TABLE `incomes` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`household_id` text NOT NULL,
	`year` integer NOT NULL,
	`household_size` integer NOT NULL,
	`wage_fen` integer DEFAULT 0 NOT NULL,
	`business_fen` integer DEFAULT 0 NOT NULL,
	`property_fen` integer DEFAULT 0 NOT NULL,
	`family_planning_fen` integer DEFAULT 0 NOT NULL,
	`dibao_fen` integer DEFAULT 0 NOT NULL,
	`tekun_fen` integer DEFAULT 0 NOT NULL,
	`pension_fen` integer DEFAULT 0 NOT NULL,
	`eco_compensation_fen` integer DEFAULT 0 NOT NULL,
	`other_transfer_fen` integer DEFAULT 0 NOT NULL,
	`business_expense_fen` integer DEFAULT 0 NOT NULL,
	`medical_out_of_pocket_fen` integer,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incomes_household_year_unique` ON `incomes` (`household_id`,`year`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`household_id` text NOT NULL,
	`seq` integer NOT NULL,
	`name` text NOT NULL,
	`name_initials` text DEFAULT '' NOT NULL,
	`id_number` text,
	`id_type` text,
	`gender` text,
	`birth_date` text,
	`relation` text NOT NULL,
	`ethnicity` text,
	`education` text,
	`school_status` text,
	`health` text,
	`disability_grade` text,
	`labour_ability` text,
	`work_status` text,
	`work_months` integer,
	`work_place` text,
	`political_status` text,
	`phone` text,
	`medical_insurance` integer,
	`pension_insurance` integer,
	`serious_illness_insurance` integer,
	`commercial_insurance` integer,
	`is_dibao` integer,
	`is_tekun` integer,
	`left_reason` text,
	`left_on` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `members_household_idx` ON `members` (`household_id`,`seq`);--> statement-breakpoint
CREATE INDEX `members_id_number_idx` ON `members` (`id_number`);--> statement-breakpoint
CREATE INDEX `members_name_idx` ON `members` (`name`);--> statement-breakpoint
CREATE INDEX `members_initials_idx` ON `members` (`name_initials`);--> statement-breakpoint
CREATE TABLE `helpers` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`township_id` text NOT NULL,
	`name` text NOT NULL,
	`unit` text,
	`unit_level` text,
	`post` text,
	`phone` text,
	`political_status` text,
	FOREIGN KEY (`township_id`) REFERENCES `townships`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `helpers_name_idx` ON `helpers` (`name`);--> statement-breakpoint
CREATE TABLE `measures` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`household_id` text NOT NULL,
	`helper_id` text,
	`year` integer NOT NULL,
	`category` text NOT NULL,
	`content` text,
	`start_on` text,
	`end_on` text,
	`amount_fen` integer,
	`result` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`helper_id`) REFERENCES `helpers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `measures_household_idx` ON `measures` (`household_id`,`year`);--> statement-breakpoint
CREATE TABLE `pairings` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`helper_id` text NOT NULL,
	`household_id` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	FOREIGN KEY (`helper_id`) REFERENCES `helpers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pairings_household_idx` ON `pairings` (`household_id`);--> statement-breakpoint
CREATE INDEX `pairings_helper_idx` ON `pairings` (`helper_id`);--> statement-breakpoint
CREATE TABLE `code_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category` text NOT NULL,
	`code` text,
	`label` text NOT NULL,
	`aliases` text NOT NULL,
	`era` text NOT NULL,
	`sort_order` integer NOT NULL,
	`local` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `code_lists_category_label_unique` ON `code_lists` (`category`,`label`);--> statement-breakpoint
CREATE INDEX `code_lists_category_idx` ON `code_lists` (`category`);--> statement-breakpoint
CREATE TABLE `policy_parameters` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`province` text DEFAULT '' NOT NULL,
	`value` integer NOT NULL,
	`unit` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_parameters_key_unique` ON `policy_parameters` (`kind`,`year`,`province`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`original_name` text NOT NULL,
	`owner_table` text NOT NULL,
	`owner_id` text NOT NULL,
	`caption` text,
	FOREIGN KEY (`sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `attachments_owner_idx` ON `attachments` (`owner_table`,`owner_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	`action` text NOT NULL,
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`household_id` text,
	`before` text,
	`after` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_household_idx` ON `audit_log` (`household_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_record_idx` ON `audit_log` (`table_name`,`record_id`);--> statement-breakpoint
CREATE TABLE `blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `imports_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`operator` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text,
	`sha256` text,
	`households` integer DEFAULT 0 NOT NULL,
	`members` integer DEFAULT 0 NOT NULL,
	`summary` text
);
--> statement-breakpoint
CREATE TABLE `batch_households` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`batch_id` text NOT NULL,
	`household_id` text NOT NULL,
	`category` text,
	`added_on` text NOT NULL,
	`removed_on` text,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batch_households_batch_household_unique` ON `batch_households` (`batch_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `batch_households_household_idx` ON `batch_households` (`household_id`);--> statement-breakpoint
CREATE TABLE `batch_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`batch_id` text NOT NULL,
	`seq` integer NOT NULL,
	`step` text NOT NULL,
	`is_publicity` integer DEFAULT false NOT NULL,
	`min_days` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`started_on` text,
	`ends_on` text,
	`closed_on` text,
	`closed_by` text,
	`posted_at` text,
	`note` text,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batch_steps_batch_seq_unique` ON `batch_steps` (`batch_id`,`seq`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`village_id` text,
	`title` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_on` text NOT NULL,
	`closed_on` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `batches_kind_year_idx` ON `batches` (`kind`,`year`);--> statement-breakpoint
CREATE INDEX `batches_village_idx` ON `batches` (`village_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`batch_id` text NOT NULL,
	`step_id` text,
	`held_on` text NOT NULL,
	`place` text,
	`host` text,
	`recorder` text,
	`attendees_count` integer,
	`entitled_count` integer,
	`attendees` text,
	`minutes` text,
	`result` text,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `batch_steps`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meetings_batch_idx` ON `meetings` (`batch_id`);--> statement-breakpoint
CREATE TABLE `objections` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`step_id` text NOT NULL,
	`household_id` text,
	`raised_by` text,
	`raised_on` text NOT NULL,
	`content` text NOT NULL,
	`handling` text,
	`result` text,
	`settled_on` text,
	FOREIGN KEY (`step_id`) REFERENCES `batch_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `objections_step_idx` ON `objections` (`step_id`);--> statement-breakpoint
CREATE TABLE `status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`household_id` text NOT NULL,
	`status` text NOT NULL,
	`year` integer,
	`effective_on` text NOT NULL,
	`batch_id` text,
	`decision` text,
	`reason` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `status_history_household_idx` ON `status_history` (`household_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `step_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`step_id` text NOT NULL,
	`batch_household_id` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`decided_on` text NOT NULL,
	FOREIGN KEY (`step_id`) REFERENCES `batch_steps`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`batch_household_id`) REFERENCES `batch_households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `step_outcomes_step_household_unique` ON `step_outcomes` (`step_id`,`batch_household_id`);