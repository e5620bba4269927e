"""Where the poor are: map data per level, classes, poverty pockets (rule and Moran), targeting, profiles."""
