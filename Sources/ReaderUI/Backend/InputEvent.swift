/// What the backend read from the terminal.
enum InputEvent {
    case key(Key)
    case resize(width: Int, height: Int)
}
