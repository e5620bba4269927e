"""Chart builders: functions that take DataFrames and return Altair charts with the shared theme."""
