"""The rakor loop: what was planned (rencana aksi), decided (keputusan) and delivered, from one meeting to the next.

- :mod:`tkpk.rakor.keputusan`: meetings and their decisions as append-only event logs (who changed what, when);
- :mod:`tkpk.rakor.saran`: a suggested status for a decision from the interventions reported since the meeting;
- :mod:`tkpk.rakor.rencana`: action plans against reported delivery, per OPD, program and quarter;
- :mod:`tkpk.rakor.penghargaan`: a transparent ranking of OPDs per pillar to prepare the rakor's awards.
"""
