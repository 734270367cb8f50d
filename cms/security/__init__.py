"""Site-wide security pieces that several apps rely on."""
