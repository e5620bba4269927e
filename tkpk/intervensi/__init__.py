"""Program rows of a reporting period: which period a page reads, and beneficiaries per unit, protected."""
