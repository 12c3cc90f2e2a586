"""What the screens share that is neither a screen nor a widget: store access (data.py),
forms and deletes (forms.py) and warming (warming.py), the parts of CareerScreen."""
