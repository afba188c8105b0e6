-- The tax code a company's late-fee lines carry (QuickBooks: a TaxCode id, or TAX/NON for US
-- companies), chosen on the console's Connections page; null = the firm-wide setting
-- arrears.quickbooks.late-fees.tax-code decides.
alter table ledger_profile
    add column late_fee_tax_code_choice text check (late_fee_tax_code_choice ~ '^[A-Za-z0-9]{1,20}$');
