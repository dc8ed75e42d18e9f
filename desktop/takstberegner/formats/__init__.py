"""Reading and writing the takstgrundlag/1, takster/1 and regelsæt formats (InputError with field path)."""
