"""Is each pillar delivering: scorecards per pillar, OPD and program, status lights, beneficiaries."""
