package io.mediaworker.model;

/** A picture size in pixels. */
public record Resolution(int width, int height) {

    public Resolution {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("not a picture size: " + width + "x" + height);
    }

    public boolean isPortrait() { return height > width; }

    /** The short side: what "720p" names, for portrait pictures too. */
    public int shortSide() { return Math.min(width, height); }

    public long pixels() { return (long) width * height; }

    public Resolution transposed() { return new Resolution(height, width); }

    @Override public String toString() { return width + "x" + height; }
}
